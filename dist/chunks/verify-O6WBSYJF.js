import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
} from "./chunk-Z4Y4Q2MG.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
};
