import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REQUIRED_EVIDENCE,
  verifyRun
} from "./chunk-4E5OPGQX.js";
import "./chunk-74EKDEFG.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  REQUIRED_EVIDENCE,
  verifyRun
};
