import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import StarIcon from '@material-ui/icons/Star';
import StarBorderIcon from '@material-ui/icons/StarBorder';
import {
  PinnedResource,
  usePinnedResources,
} from '../../hooks/usePinnedResources';

/** Pins or unpins one object for the user. */
export function PinButton(props: { resource: PinnedResource }) {
  const { resource } = props;
  const { isPinned, toggle } = usePinnedResources();
  const pinned = isPinned(resource);
  const label = `${pinned ? 'Unpin' : 'Pin'} ${resource.kind} ${resource.name}`;
  return (
    <Tooltip title={pinned ? 'Unpin' : 'Pin'}>
      <IconButton
        size="small"
        aria-label={label}
        aria-pressed={pinned}
        style={{ padding: 2, marginRight: 4 }}
        onClick={e => {
          e.stopPropagation();
          toggle(resource);
        }}
      >
        {pinned ? (
          <StarIcon fontSize="small" color="primary" />
        ) : (
          <StarBorderIcon fontSize="small" />
        )}
      </IconButton>
    </Tooltip>
  );
}
