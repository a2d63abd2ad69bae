import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
} from "./chunk-3G5L2OZU.js";
import "./chunk-NXCGP3UY.js";
import "./chunk-3QWB5MIY.js";
import "./chunk-3YSQRXBE.js";
import "./chunk-LHSCZ3D7.js";
export {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
};
