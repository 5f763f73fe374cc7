package org.creditkiosk.platform.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Contract 1.1 {@code ComplaintRequest} (失信投诉): who it is about, a category, a description of 10 to 1000
 * characters, when it happened, and an optional mobile number. {@link #toString()} shows neither the description nor
 * the phone.
 */
public record ComplaintRequest(Target target, Category category, String description, Optional<LocalDate> occurredOn,
                               Optional<String> contactPhone) {

    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_NAME = 120;

    public enum Category {
        CONTRACT_FRAUD("合同欺诈"), UNPAID_WAGES("拖欠工资"), FOOD_DRUG_SAFETY("食品药品安全"),
        FALSE_ADVERTISING("虚假宣传"), TAX("涉税违法"), PRODUCT_QUALITY("产品质量"), OTHER("其他");

        private final String chinese;

        Category(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * An organisation by its USCC, or by name when the code is unknown; at least one. The USCC's check character is
     * the caller's to check ({@code platform.UnifiedSocialCreditCode}); here only its shape.
     */
    public record Target(Optional<String> uscc, Optional<String> name) {
        public Target {
            uscc = Require.optional(uscc).filter(u -> !u.isBlank());
            name = Require.optional(name).filter(n -> !n.isBlank());
            if (uscc.isEmpty() && name.isEmpty()) {
                throw new IllegalArgumentException("target needs a uscc or a name");
            }
            if (uscc.isPresent() && !uscc.get().matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
                throw new IllegalArgumentException("target.uscc is not an 18-character unified social credit code");
            }
            if (name.isPresent() && name.get().length() > MAX_NAME) {
                throw new IllegalArgumentException("target.name is longer than " + MAX_NAME + " characters");
            }
        }

        public static Target byUscc(String uscc) {
            return new Target(Optional.of(uscc), Optional.empty());
        }

        public static Target byName(String name) {
            return new Target(Optional.empty(), Optional.of(name));
        }
    }

    public ComplaintRequest {
        Require.present(target, "target");
        Require.present(category, "category");
        Require.present(description, "description");
        int length = description.strip().codePointCount(0, description.strip().length());
        if (length < MIN_DESCRIPTION || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be " + MIN_DESCRIPTION + " to " + MAX_DESCRIPTION + " characters");
        }
        occurredOn = Require.optional(occurredOn);
        contactPhone = Require.optional(contactPhone).filter(p -> !p.isBlank());
        if (contactPhone.isPresent() && !contactPhone.get().matches("1[3-9]\\d{9}")) {
            throw new IllegalArgumentException("contactPhone is not a mainland mobile number");
        }
    }

    @Override
    public String toString() {
        return "ComplaintRequest[" + category + (target.uscc().isPresent() ? ", by uscc" : ", by name")
                + contactPhone.map(p -> ", phone " + Masking.phone(p)).orElse("") + "]";
    }
}
