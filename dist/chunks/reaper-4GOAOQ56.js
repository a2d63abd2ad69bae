import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
} from "./chunk-KZUP75IZ.js";
import "./chunk-HBDHXAII.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-LHSCZ3D7.js";
export {
  CASE_WAIT_MS,
  REAPER_POLL_MS,
  reap,
  removeLeftovers,
  startReaper
};
