package io.statefulset.registry;

import java.nio.file.Path;

/**
 * How to reach a registry: plain HTTP, a CA file for its certificate, or no certificate checks at
 * all. The same settings serve Helm's push and the plugin's own registry calls.
 */
public record RegistryAccess(boolean plainHttp, Path caFile, boolean insecureSkipTlsVerify) {}
