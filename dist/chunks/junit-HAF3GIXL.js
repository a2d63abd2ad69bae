import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
} from "./chunk-IJ53QGIC.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
};
