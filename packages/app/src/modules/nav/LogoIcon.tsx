import { makeStyles } from '@material-ui/core/styles';
import { KubedeckMark } from './KubedeckMark';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 28,
  },
});

/** The Kubedeck mark, shown in the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();

  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="Kubedeck"
    >
      <KubedeckMark />
    </svg>
  );
};
