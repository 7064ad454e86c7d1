/**
 * Names and tile colours of the service icons.
 *
 * Each tile is a rounded square filled with a two-stop gradient (dark at the bottom left, light at the
 * top right, in the spirit of the AWS architecture icons) with a white glyph on top. Both stops keep a
 * contrast of at least 3:1 against white, so the glyph stays legible wherever it sits on the tile
 * (checked in tests/ui/serviceIcons.test.tsx).
 */

export const SERVICE_ICON_NAMES = [
  'lambda',
  'sqs',
  'sns',
  'eventbridge',
  'kinesis',
  'dynamodb',
  'apiGateway',
  'alb',
  's3',
  'client',
  'sdk',
  'asyncQueue',
  'environment',
  'poller',
  'shard',
  'dlq',
  'destination',
  'producer',
] as const;

export type ServiceIconName = (typeof SERVICE_ICON_NAMES)[number];

/** The colour family of a tile. */
export type TileCategory =
  | 'compute'
  | 'integration'
  | 'analytics'
  | 'database'
  | 'networking'
  | 'storage'
  | 'neutral'
  | 'danger'
  | 'target';

export interface TileColours {
  /** Bottom-left (darker) stop. */
  readonly from: string;
  /** Top-right (lighter) stop. */
  readonly to: string;
}

export const TILE_COLOURS: Readonly<Record<TileCategory, TileColours>> = {
  compute: { from: '#BF4A12', to: '#E06A00' },
  integration: { from: '#A8084C', to: '#E7157B' },
  analytics: { from: '#4D27AA', to: '#8C4FFF' },
  database: { from: '#2E27AD', to: '#3F6FF0' },
  networking: { from: '#6A1B9A', to: '#A149D6' },
  storage: { from: '#1B660F', to: '#3F8624' },
  neutral: { from: '#3B4657', to: '#64748B' },
  danger: { from: '#7F1D1D', to: '#C62828' },
  target: { from: '#0B5F59', to: '#0D9488' },
};

export const ICON_CATEGORY: Readonly<Record<ServiceIconName, TileCategory>> = {
  lambda: 'compute',
  sqs: 'integration',
  sns: 'integration',
  eventbridge: 'integration',
  kinesis: 'analytics',
  dynamodb: 'database',
  apiGateway: 'networking',
  alb: 'networking',
  s3: 'storage',
  client: 'neutral',
  sdk: 'neutral',
  asyncQueue: 'neutral',
  environment: 'neutral',
  poller: 'neutral',
  shard: 'neutral',
  dlq: 'danger',
  destination: 'target',
  producer: 'neutral',
};
