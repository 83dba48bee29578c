package io.drm.redis.internal;

/**
 * The Lua scripts of the Redis store. Redis runs a script atomically: no other client sees a
 * state between its commands, and a replica or the append-only file gets its effects as one
 * transaction.
 */
public final class Scripts {

    /**
     * Stores a document version. KEYS: versions hash, names hash, the version's document hash.
     * ARGV: version, sha256, name, then key/value pairs. Returns 1 when stored, 0 when the same
     * version and content were there; an error {@code DRM_CONFLICT <sha256>} when the version is
     * stored with other content (nothing written).
     */
    public static final String PUT = """
            local have = redis.call('HGET', KEYS[1], ARGV[1])
            if have then
              if have == ARGV[2] then return 0 end
              return redis.error_reply('DRM_CONFLICT ' .. have)
            end
            redis.call('DEL', KEYS[3])
            for i = 4, #ARGV, 2 do
              redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
            end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """;

    /**
     * Switches the live version and the previous-version pointer together. KEYS: versions hash,
     * live key, previous key. ARGV: version, and the live version expected (empty: none; {@code *}:
     * any). Returns the version live before (or false). Errors: {@code DRM_NOT_STORED},
     * {@code DRM_MOVED <live>} when the live version is not the expected one; nothing changes then.
     */
    public static final String SWITCH = """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
              return redis.error_reply('DRM_NOT_STORED')
            end
            local cur = redis.call('GET', KEYS[2])
            if ARGV[2] ~= '*' and (cur or '') ~= ARGV[2] then
              return redis.error_reply('DRM_MOVED ' .. (cur or ''))
            end
            if cur == ARGV[1] then return cur end
            redis.call('SET', KEYS[2], ARGV[1])
            if cur then redis.call('SET', KEYS[3], cur) else redis.call('DEL', KEYS[3]) end
            return cur or false
            """;

    /**
     * Reads a key as of a version. KEYS: the document hashes of the versions at or below it,
     * highest first. ARGV: the key. Returns the first value found, or false.
     */
    public static final String GET = """
            for i = 1, #KEYS do
              local v = redis.call('HGET', KEYS[i], ARGV[1])
              if v then return v end
            end
            return false
            """;

    /** Reads the live and previous pointers together. KEYS: live key, previous key. */
    public static final String POINTERS = """
            return {redis.call('GET', KEYS[1]) or '', redis.call('GET', KEYS[2]) or ''}
            """;

    private Scripts() {
    }
}
