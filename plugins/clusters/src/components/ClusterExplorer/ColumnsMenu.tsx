import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ViewColumnIcon from '@material-ui/icons/ViewColumn';
import { useState } from 'react';
import { Column } from './columns';

/** Shows or hides the optional columns of the table. */
export function ColumnsMenu(props: {
  columns: Column[];
  hidden: string[];
  onChange(hidden: string[]): void;
}) {
  const { columns, hidden, onChange } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (id: string) =>
    onChange(
      hidden.includes(id) ? hidden.filter(h => h !== id) : [...hidden, id],
    );
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        onClick={e => setAnchor(e.currentTarget)}
      >
        Columns
      </Button>
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {columns.map(column => (
          <MenuItem key={column.id} dense onClick={() => toggle(column.id)}>
            <ListItemIcon>
              <Checkbox
                edge="start"
                size="small"
                checked={!hidden.includes(column.id)}
                disableRipple
              />
            </ListItemIcon>
            <ListItemText primary={column.title} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
