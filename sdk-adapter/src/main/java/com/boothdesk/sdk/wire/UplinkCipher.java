package com.boothdesk.sdk.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.DESKeySpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * SDK 4.2+ uplink encryption (notes §1.2.1): the charging system encrypts each uplink for the SDK with the park's RSA
 * public key, <em>segmented</em> — plaintext blocks of at most key size − 11 bytes (117 for the 1,024-bit keys the
 * doc describes: "最大明文块 117, 最大密文块 128"), each RSA/ECB/PKCS1 encrypted, the cipher blocks concatenated and
 * Base64 encoded. The SDK decrypts with the park's private key, which the cloud delivers in the init reply encrypted
 * with DES/CBC/PKCS5Padding, IV {@code _bolink_}, key from MD5(s1 + s2) where s1 is union_id rotated right by 2 and
 * s2 is park_id rotated left by 3 (the notes' example: 200387, qiu → 872003qiu → 8f53ada8…).
 *
 * <p>Open in the notes (so configurable or INFERRED here): which 8 bytes of the MD5 form the DES key
 * ({@link DesKey}); how the ciphertext is wrapped when handed to the SDK's methods; whether the public key is
 * X.509 (assumed: the doc's sample starts {@code MIGfMA0G}, the X.509 header of a 1,024-bit RSA key) and the private
 * key PKCS#8.
 */
public final class UplinkCipher {

    /** The DES IV of the private-key delivery. */
    static final byte[] IV = "_bolink_".getBytes(StandardCharsets.US_ASCII);

    /** Which 8 bytes of MD5(s1 + s2) make the DES key — the notes do not say. */
    public enum DesKey {
        /** The first 8 characters of the lower-case hex digest as ASCII (what {@code new DESKeySpec(hex.getBytes())}
         *  does; INFERRED default). */
        HEX_FIRST_8,
        /** The first 8 bytes of the raw digest. */
        DIGEST_FIRST_8
    }

    private final PublicKey publicKey;
    private final int plainBlock;
    private final int cipherBlock;

    private UplinkCipher(PublicKey publicKey) {
        this.publicKey = publicKey;
        int bits = ((RSAKey) publicKey).getModulus().bitLength();
        this.cipherBlock = (bits + 7) / 8;
        this.plainBlock = cipherBlock - 11;
    }

    /** From the park's public key as the getPublicKey API returns it (Base64 of X.509 SubjectPublicKeyInfo). */
    public static UplinkCipher forPublicKey(String base64) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(Objects.requireNonNull(base64, "public key").strip());
        return new UplinkCipher(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
    }

    /** From a public key object (tests). */
    public static UplinkCipher forPublicKey(PublicKey key) {
        return new UplinkCipher(Objects.requireNonNull(key, "public key"));
    }

    /** Largest plaintext block in bytes (117 for a 1,024-bit key). */
    public int plainBlockBytes() {
        return plainBlock;
    }

    /** The uplink JSON encrypted in segments and Base64 encoded. */
    public String encrypt(String json) throws GeneralSecurityException {
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, publicKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream((plain.length / plainBlock + 1) * cipherBlock);
        int off = 0;
        do {
            int len = Math.min(plainBlock, plain.length - off);
            out.writeBytes(rsa.doFinal(plain, off, len));
            off += len;
        } while (off < plain.length);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The SDK's side: Base64 text of concatenated cipher blocks back to the uplink JSON. */
    public static String decrypt(String base64, PrivateKey privateKey) throws GeneralSecurityException {
        byte[] all = Base64.getMimeDecoder().decode(base64.strip());
        int block = (((RSAKey) privateKey).getModulus().bitLength() + 7) / 8;
        if (all.length % block != 0) {
            throw new GeneralSecurityException("ciphertext is not a whole number of " + block + "-byte blocks");
        }
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, privateKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream(all.length);
        for (int off = 0; off < all.length; off += block) {
            out.writeBytes(rsa.doFinal(all, off, block));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** union_id rotated right by 2 + park_id rotated left by 3 (the text the DES key is hashed from). */
    public static String keySeed(String unionId, String parkId) {
        return rotateRight(unionId, 2) + rotateLeft(parkId, 3);
    }

    /** MD5 of the key seed, lower-case hex (the notes' example: 200387 / qiu → 8f53ada84f9e6e33cd9e8a356047061b). */
    public static String keyDigestHex(String unionId, String parkId) {
        return HexFormat.of().formatHex(md5(keySeed(unionId, parkId)));
    }

    /** The private key from the init reply: Base64 of DES/CBC/PKCS5 over the Base64 PKCS#8 text (INFERRED). */
    public static PrivateKey deliveredPrivateKey(String encryptedBase64, String unionId, String parkId, DesKey which)
            throws GeneralSecurityException {
        Cipher des = des(Cipher.DECRYPT_MODE, unionId, parkId, which);
        byte[] plain = des.doFinal(Base64.getMimeDecoder().decode(encryptedBase64.strip()));
        byte[] der = Base64.getMimeDecoder().decode(new String(plain, StandardCharsets.US_ASCII).strip());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The cloud's side of the delivery (the simulator and tests): the private key as the init reply carries it. */
    public static String deliverPrivateKey(PrivateKey key, String unionId, String parkId, DesKey which)
            throws GeneralSecurityException {
        Cipher des = des(Cipher.ENCRYPT_MODE, unionId, parkId, which);
        byte[] text = Base64.getEncoder().encodeToString(key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
        return Base64.getEncoder().encodeToString(des.doFinal(text));
    }

    private static Cipher des(int mode, String unionId, String parkId, DesKey which) throws GeneralSecurityException {
        byte[] digest = md5(keySeed(unionId, parkId));
        byte[] key = which == DesKey.DIGEST_FIRST_8 ? digest
                : HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");
        c.init(mode, SecretKeyFactory.getInstance("DES").generateSecret(new DESKeySpec(key)), new IvParameterSpec(IV));
        return c;
    }

    static String rotateRight(String s, int n) {
        if (s.isEmpty()) {
            return s;
        }
        int k = n % s.length();
        return s.substring(s.length() - k) + s.substring(0, s.length() - k);
    }

    static String rotateLeft(String s, int n) {
        if (s.isEmpty()) {
            return s;
        }
        int k = n % s.length();
        return s.substring(k) + s.substring(0, k);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JRE", e);
        }
    }
}
