import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  failedRunMessage,
  verdictTable
} from "./chunk-GEUVHT7J.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  failedRunMessage,
  verdictTable
};
