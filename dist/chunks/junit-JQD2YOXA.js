import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
} from "./chunk-6565T6LZ.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
};
