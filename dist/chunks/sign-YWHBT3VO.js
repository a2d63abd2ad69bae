import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  SIGNATURE_FILE,
  SIGNATURE_NAMESPACE,
  SUMMARY_FILE,
  SignKeyError,
  SigningError,
  SshKeygenMissingError,
  canonicalKeyText,
  checkSignKey,
  inspectPrivateKey,
  parseSignKeyContent,
  requireSshKeygen,
  signSummary,
  sshKeygen,
  verifySignature
} from "./chunk-5Y7GBQWL.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  SIGNATURE_FILE,
  SIGNATURE_NAMESPACE,
  SUMMARY_FILE,
  SignKeyError,
  SigningError,
  SshKeygenMissingError,
  canonicalKeyText,
  checkSignKey,
  inspectPrivateKey,
  parseSignKeyContent,
  requireSshKeygen,
  signSummary,
  sshKeygen,
  verifySignature
};
