// Logging: one-line log records to a file or standard error, at a chosen level.
