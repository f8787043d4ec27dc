import { useSidebarOpenState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import { makeStyles, Theme } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  title: {
    padding: theme.spacing(1, 3, 0.5),
    color: theme.palette.navigation.color,
    fontWeight: theme.typography.fontWeightBold as number,
    letterSpacing: 1,
    textTransform: 'uppercase',
  },
}));

/**
 * A caption over a group of sidebar items. Hidden while the sidebar is collapsed, and on small
 * screens, where the group's own label already heads its menu.
 */
export const SidebarSectionTitle = (props: { title: string }) => {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  const isMobile = useMediaQuery<Theme>(theme => theme.breakpoints.down('xs'), {
    noSsr: true,
  });

  if (!isOpen || isMobile) {
    return null;
  }
  return (
    <Typography
      variant="caption"
      component="h2"
      className={classes.title}
      noWrap
    >
      {props.title}
    </Typography>
  );
};
