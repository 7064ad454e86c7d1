/**
 * Every misconfiguration check, in the order the panel lists what they find: what stops the function
 * from running at all first, then what loses or duplicates work, then what only wastes it.
 */
import { asyncEventAgeTooShort } from './asyncEventAgeTooShort';
import { asyncFifoDestination } from './asyncFifoDestination';
import { asyncNoFailureDestination } from './asyncNoFailureDestination';
import { batchWithoutItemFailures } from './batchItemFailures';
import { apiGatewayTimeout, clientReadTimeout } from './callerTimeouts';
import { reservedConcurrencyZero } from './reservedConcurrencyZero';
import { mappingConcurrencyAboveReserved } from './sqsConcurrency';
import { maxReceiveCountBelowFive, noRedrivePolicy } from './sqsRedrive';
import { visibilityBelowFunctionTimeout, visibilityBelowRecommendation } from './sqsVisibility';
import { streamNoFailureDestination } from './streamNoFailureDestination';
import { streamPoisonBlocksShard } from './streamPoisonBlocksShard';
import type { WarningCheck } from './types';

export const WARNING_CHECKS: readonly WarningCheck[] = [
  reservedConcurrencyZero,
  visibilityBelowFunctionTimeout,
  streamPoisonBlocksShard,
  asyncNoFailureDestination,
  asyncFifoDestination,
  asyncEventAgeTooShort,
  streamNoFailureDestination,
  maxReceiveCountBelowFive,
  noRedrivePolicy,
  mappingConcurrencyAboveReserved,
  visibilityBelowRecommendation,
  apiGatewayTimeout,
  clientReadTimeout,
  batchWithoutItemFailures,
];
