package io.devshare.console.web;

/** The frame of a page: who is signed in, for which organization, the section in the menu, a notice. */
public record Layout(String person, String org, String section, String notice) {

    public boolean in(String s) {
        return s.equals(section);
    }
}
