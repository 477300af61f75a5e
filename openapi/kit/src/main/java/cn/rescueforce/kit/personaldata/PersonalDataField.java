package cn.rescueforce.kit.personaldata;

/**
 * A column that holds personal data, named {@code table.column} (e.g. {@code member.id_number}). The name is the
 * associated data of every value encrypted for it, so a value copied into another column fails authentication
 * instead of being read as that column's data.
 */
public record PersonalDataField(String name) {

    public PersonalDataField {
        if (name == null || !name.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("a personal-data field is named table.column");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
