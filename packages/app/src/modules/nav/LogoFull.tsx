import { makeStyles } from '@material-ui/core/styles';
import { KubedeckMark } from './KubedeckMark';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 30,
  },
  wordmark: {
    fill: '#ffffff',
    fontFamily: 'Helvetica, Roboto, Arial, sans-serif',
    fontSize: 21,
    fontWeight: 700,
    letterSpacing: 0.3,
  },
});

/** The Kubedeck mark and wordmark, shown in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();

  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 140 32"
      role="img"
      aria-label="Kubedeck"
    >
      <KubedeckMark />
      <text x="38" y="23.5" className={classes.wordmark}>
        Kubedeck
      </text>
    </svg>
  );
};
