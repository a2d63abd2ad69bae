import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-P2G4MC2A.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
