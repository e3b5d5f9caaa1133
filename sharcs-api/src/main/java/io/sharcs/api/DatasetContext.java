package io.sharcs.api;

import java.nio.file.Path;

/**
 * What a {@link DatasetProvider} may use while loading.
 *
 * @param seed the seed for anything random in generation or splitting
 * @param baseDirectory the directory that relative paths in the experiment file resolve against
 * @param configFile the experiment file, for error messages
 */
public record DatasetContext(long seed, Path baseDirectory, String configFile) {}
