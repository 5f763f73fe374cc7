package org.creditkiosk.platform.api;

/** Contract {@code Session.person}. */
public record Person(String name, String idNumberMasked) {

    public Person {
        Require.text(name, "person.name");
        Require.text(idNumberMasked, "person.idNumberMasked");
    }

    @Override
    public String toString() {
        return "Person[" + idNumberMasked + "]";
    }
}
