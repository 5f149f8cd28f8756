package cn.hardshiprelief.civilaffairs;

/**
 * A household member to look up in the roster: the blind index of their identity number
 * ({@code IdentityNumberCipher.hash}), their name and, if known, the region code (行政区划) of where they live;
 * {@code regionCode} may be {@code null}.
 */
public record Person(String idNumberHash, String name, String regionCode) {
}
