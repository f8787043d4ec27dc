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
import { Column } from './columns';
import { objectKey } from './useLiveList';

/** Props of {@link ResourceTable}. */
export type ResourceTableProps = {
  title: string;
  items: KubeObject[];
  columns: Column[];
  loading: boolean;
  /** Where a row's name links to, if anywhere. */
  linkOf?(object: KubeObject): string | undefined;
  onOpen(object: KubeObject): void;
  page: number;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  emptyText: string;
};

/** One server page of objects, with previous/next paging. */
export function ResourceTable(props: ResourceTableProps) {
  const { items, columns, loading, linkOf, onOpen } = props;
  return (
    <>
      {loading ? <LinearProgress /> : <Box height={4} />}
      <Table size="small" aria-label={props.title}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            {columns.map(c => (
              <TableCell key={c.id} align={c.align}>
                {c.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {!loading && items.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length + 1}>
                <Typography color="textSecondary">{props.emptyText}</Typography>
              </TableCell>
            </TableRow>
          )}
          {items.map(object => {
            const link = linkOf?.(object);
            return (
              <TableRow
                key={objectKey(object)}
                hover
                style={{ cursor: 'pointer' }}
                onClick={() => onOpen(object)}
              >
                <TableCell>
                  {link ? (
                    <Link to={link} onClick={e => e.stopPropagation()}>
                      {object.metadata.name}
                    </Link>
                  ) : (
                    object.metadata.name
                  )}
                </TableCell>
                {columns.map(c => (
                  <TableCell key={c.id} align={c.align}>
                    {c.render(object)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
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
