// Secrets: the one Swift module over libsodium (Argon2id, random tokens, hashes).
