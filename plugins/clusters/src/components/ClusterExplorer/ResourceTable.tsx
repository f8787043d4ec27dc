import { Link } from '@backstage/core-components';
import { KubeObject } from '@kubedeck/plugin-clusters-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useRef } from 'react';
import { Column } from './columns';
import { objectKey } from './useLiveList';
import { useVirtualRows } from './useVirtualRows';

/** Height of a row until one is rendered and measured. */
const ESTIMATED_ROW_HEIGHT = 40;

/** Props of {@link ResourceTable}. */
export type ResourceTableProps = {
  title: string;
  items: KubeObject[];
  columns: Column[];
  loading: boolean;
  /** Where a row's name links to, if anywhere. */
  linkOf?(object: KubeObject): string | undefined;
  /** A control shown before a row's name, such as its pin. */
  rowAction?(object: KubeObject): ReactNode;
  onOpen(object: KubeObject): void;
  page: number;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  emptyText: string;
};

function Spacer(props: { height: number; colSpan: number }) {
  if (props.height <= 0) return null;
  return (
    <tr aria-hidden style={{ height: props.height }}>
      <td colSpan={props.colSpan} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/** Cells keep to one line (the table scrolls sideways instead): rows stay the same height. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * One server page of objects, with previous/next paging. Only the rows in view are rendered,
 * so a page of thousands scrolls as smoothly as a short one.
 */
export function ResourceTable(props: ResourceTableProps) {
  const { items, columns, loading, linkOf, rowAction, onOpen } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const view = useVirtualRows(items.length, ESTIMATED_ROW_HEIGHT, scroller);
  const colSpan = columns.length + 1;
  return (
    <>
      {loading ? <LinearProgress /> : <Box height={4} />}
      <div
        ref={scroller}
        data-testid="resource-table-scroller"
        style={{ maxHeight: '70vh', overflow: 'auto' }}
      >
        <Table size="small" stickyHeader aria-label={props.title}>
          <TableHead>
            <TableRow>
              <TableCell style={NO_WRAP}>Name</TableCell>
              {columns.map(c => (
                <TableCell key={c.id} align={c.align} style={NO_WRAP}>
                  {c.title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {!loading && items.length === 0 && (
              <TableRow>
                <TableCell colSpan={colSpan}>
                  <Typography color="textSecondary">
                    {props.emptyText}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            <Spacer height={view.padTop} colSpan={colSpan} />
            {items.slice(view.start, view.end).map(object => {
              const link = linkOf?.(object);
              return (
                <TableRow
                  key={objectKey(object)}
                  hover
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(object)}
                >
                  <TableCell style={NO_WRAP}>
                    {rowAction?.(object)}
                    {link ? (
                      <Link to={link} onClick={e => e.stopPropagation()}>
                        {object.metadata.name}
                      </Link>
                    ) : (
                      object.metadata.name
                    )}
                  </TableCell>
                  {columns.map(c => (
                    <TableCell key={c.id} align={c.align} style={NO_WRAP}>
                      {c.render(object)}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
            <Spacer height={view.padBottom} colSpan={colSpan} />
          </TableBody>
        </Table>
      </div>
      <Box
        display="flex"
        justifyContent="flex-end"
        alignItems="center"
        p={1}
        gridGap={8}
      >
        <Typography variant="caption" color="textSecondary">
          Page {props.page + 1}
        </Typography>
        <Button
          size="small"
          disabled={props.page === 0}
          onClick={props.onPrevious}
        >
          Previous
        </Button>
        <Button size="small" disabled={!props.hasNext} onClick={props.onNext}>
          Next
        </Button>
      </Box>
    </>
  );
}
