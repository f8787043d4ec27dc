import { useState } from 'react';

type Pages = {
  scope: string;
  index: number;
  /** `continue` token of each page (undefined for the first). */
  tokens: (string | undefined)[];
  /** Key of the last object before each page, for live updates within its range. */
  afters: (string | undefined)[];
};

/** Paging through a server list with `continue` tokens; back to page one when `scope` changes. */
export function useServerPaging(scope: string) {
  const [stored, setStored] = useState<Pages>({
    scope,
    index: 0,
    tokens: [undefined],
    afters: [undefined],
  });
  const pages: Pages =
    stored.scope === scope
      ? stored
      : { scope, index: 0, tokens: [undefined], afters: [undefined] };
  return {
    page: pages.index,
    continueToken: pages.tokens[pages.index],
    after: pages.afters[pages.index],
    /** Moves to the page after the current one, given its token and the current last key. */
    next(token: string, lastKey: string | undefined) {
      const index = pages.index + 1;
      setStored({
        scope,
        index,
        tokens: [...pages.tokens.slice(0, index), token],
        afters: [...pages.afters.slice(0, index), lastKey],
      });
    },
    previous() {
      setStored({ ...pages, index: Math.max(0, pages.index - 1) });
    },
  };
}
