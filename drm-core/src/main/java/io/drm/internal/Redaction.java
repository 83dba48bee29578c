package io.drm.internal;

import java.util.regex.Pattern;

/** Removes secrets from text that goes into messages and logs. */
public final class Redaction {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password|pwd|passwd)=[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("//([^/@:]+):[^/@]*@");

    private Redaction() {
    }

    /**
     * Returns a JDBC URL without passwords in its parameters or user info.
     *
     * @param url a JDBC URL
     * @return the URL with each password replaced by {@code ****}
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(url).replaceAll("$1=****");
        return URL_USERINFO.matcher(out).replaceAll("//$1:****@");
    }

    /**
     * Removes a secret from a text.
     *
     * @param text the text, or {@code null}
     * @param secret the secret, or {@code null}
     * @return the text with each occurrence of the secret replaced by {@code ****}
     */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.length() < 3) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
