export {
  ICON_CATEGORY,
  SERVICE_ICON_NAMES,
  ServiceIcon,
  TILE_COLOURS,
  type ServiceIconName,
  type ServiceIconProps,
  type TileCategory,
  type TileColours,
} from './serviceIcons';
