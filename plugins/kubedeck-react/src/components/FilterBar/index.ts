export {
  DateTimeFilterField,
  FilterBar,
  localTimeToIso,
  useFilterFields,
} from './FilterBar';
