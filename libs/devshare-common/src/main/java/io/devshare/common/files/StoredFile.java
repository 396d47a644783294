package io.devshare.common.files;

/** A file kept by a {@link FileStore}: its path relative to the store's directory, size and SHA-256 (hex). */
public record StoredFile(String relativePath, long size, String sha256) {}
