import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
} from "./chunk-7IVKAL7K.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  parseJunitPath,
  renderJunit,
  writeJunit,
  xmlEscape
};
