import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REQUIRED_EVIDENCE,
  verifyRun
} from "./chunk-T6XWSBER.js";
import "./chunk-GJNIDGYX.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  REQUIRED_EVIDENCE,
  verifyRun
};
