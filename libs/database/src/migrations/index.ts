import { InitialSchema1764288000000 } from './1764288000000-initial-schema.js';
import { LoadRegionData1764288000100 } from './1764288000100-load-region-data.js';
import { HumanLoop1764288000200 } from './1764288000200-human-loop.js';
import { CaseWork1764288000300 } from './1764288000300-case-work.js';
import { Operations1764288000400 } from './1764288000400-operations.js';
import { HotPathIndexes1764288000500 } from './1764288000500-hot-path-indexes.js';
import { Classification21764288000600 } from './1764288000600-classification-2.js';
import { RoutingFailures1764288000700 } from './1764288000700-routing-failures.js';
import { CaseReferenceFunction1764288000800 } from './1764288000800-case-reference-function.js';
import { TokenVersion1764288000900 } from './1764288000900-token-version.js';
import { AuditSeal1764288001000 } from './1764288001000-audit-seal.js';
import { ClaimableIndex1764288001100 } from './1764288001100-claimable-index.js';
import { OutcomeReports1764288001200 } from './1764288001200-outcome-reports.js';
import { WorklistPageIndex1764288001300 } from './1764288001300-worklist-page-index.js';
import { DropRedundantIndexes1764288001400 } from './1764288001400-drop-redundant-indexes.js';

/** Every migration, in order. Listed explicitly so the compiled app and the tests run the same set. */
export const MIGRATIONS = [InitialSchema1764288000000, LoadRegionData1764288000100, HumanLoop1764288000200, CaseWork1764288000300, Operations1764288000400, HotPathIndexes1764288000500, Classification21764288000600, RoutingFailures1764288000700, CaseReferenceFunction1764288000800, TokenVersion1764288000900, AuditSeal1764288001000, ClaimableIndex1764288001100, OutcomeReports1764288001200, WorklistPageIndex1764288001300, DropRedundantIndexes1764288001400];
