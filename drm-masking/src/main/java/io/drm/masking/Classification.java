package io.drm.masking;

/**
 * How sensitive a column's data is, as {@link PiiClassifier} finds it and as
 * {@link PromotionGuard} uses it: every class but {@link #NONE} needs a masking rule before the
 * data may be copied to a lower environment.
 */
public enum Classification {
    /** Personal data: names, contact details, national ids, bank accounts, IP addresses, dates of birth. */
    PII,
    /** Health data: diagnoses, medical records, prescriptions. */
    PHI,
    /** Payment card data (PCI DSS): card numbers, card verification codes. */
    PCI,
    /** Credentials: passwords, secrets, tokens, API keys. */
    SECRET,
    /** Nothing sensitive was found. */
    NONE;

    /** @return whether this class needs masking before data leaves its environment (all but {@link #NONE}) */
    public boolean sensitive() {
        return this != NONE;
    }
}
