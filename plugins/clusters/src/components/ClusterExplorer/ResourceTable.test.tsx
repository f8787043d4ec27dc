import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { pod, runningStatus } from '../../__testUtils__/fakeClustersApi';
import { columnsOf } from './columns';
import { ResourceTable } from './ResourceTable';

describe('ResourceTable', () => {
  it('renders only the rows in view of a large page and the others as the user scrolls', async () => {
    const items = Array.from({ length: 2000 }, (_, i) =>
      pod(`pod-${String(i).padStart(4, '0')}`, runningStatus),
    );
    await renderInTestApp(
      <ResourceTable
        title="Pods"
        items={items}
        columns={columnsOf('Pod', false)}
        loading={false}
        onOpen={() => {}}
        page={0}
        hasNext={false}
        onPrevious={() => {}}
        onNext={() => {}}
        emptyText="No pods."
      />,
    );

    const table = screen.getByRole('table', { name: 'Pods' });
    expect(within(table).getByText('pod-0000')).toBeInTheDocument();
    expect(within(table).queryByText('pod-1999')).not.toBeInTheDocument();
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeLessThan(100);

    const scroller = screen.getByTestId('resource-table-scroller');
    Object.defineProperty(scroller, 'scrollTop', {
      configurable: true,
      value: scroller.scrollHeight || 1999 * 40,
    });
    fireEvent.scroll(scroller);

    expect(await within(table).findByText('pod-1999')).toBeInTheDocument();
    expect(within(table).queryByText('pod-0000')).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeLessThan(100);
  });
});
