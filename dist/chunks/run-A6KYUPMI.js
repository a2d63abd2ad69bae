import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-2QVVZMRM.js";
import "./chunk-3G5L2OZU.js";
import "./chunk-GFOEJXQD.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-7VRWYOZN.js";
import "./chunk-V23NUAJ5.js";
import "./chunk-BJMLKMBS.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-4LHDLI6U.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import "./chunk-EFMQJ4CT.js";
import "./chunk-SEOEE6YV.js";
import "./chunk-QU7JHE7S.js";
import "./chunk-KQCKLGQ2.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-EPGW6SGM.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
};
