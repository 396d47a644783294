package io.devshare.console.web;

import java.util.Locale;
import java.util.Map;

import io.devshare.console.text.Language;

/**
 * The services' constants (statuses, roles, reasons, kinds of device and of mail) in words of the page's language,
 * e.g. PARTNERSHIP_ENDED → "partnership ended" / "Partnerschaft beendet". A constant without a German word shows in
 * English words.
 */
final class Words {

    private static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("ACTIVE", "aktiv"),
            Map.entry("REVOKED", "widerrufen"),
            Map.entry("EXPIRED", "abgelaufen"),
            Map.entry("MANUAL", "von Hand"),
            Map.entry("PARTNERSHIP_ENDED", "Partnerschaft beendet"),
            Map.entry("DEVICE_DELETED", "Gerät gelöscht"),
            Map.entry("GROUP_DELETED", "Gruppe gelöscht"),
            Map.entry("LEFT", "zurückgegeben"),
            Map.entry("GRANTED", "freigegeben"),
            Map.entry("UPDATED", "geändert"),
            Map.entry("VIEWER", "Betrachter"),
            Map.entry("OPERATOR", "Bediener"),
            Map.entry("MANAGER", "Verwalter"),
            Map.entry("MACHINE_CONTROL", "Maschinensteuerung"),
            Map.entry("GNSS_ROVER", "GNSS-Rover"),
            Map.entry("BASE_STATION", "Basisstation"),
            Map.entry("TOTAL_STATION", "Totalstation"),
            Map.entry("TABLET", "Tablet"),
            Map.entry("OTHER", "sonstiges"),
            Map.entry("PLANNED", "geplant"),
            Map.entry("CLOSED", "geschlossen"),
            Map.entry("OPEN", "offen"),
            Map.entry("JOINED", "verbunden"),
            Map.entry("PENDING", "ausstehend"),
            Map.entry("DELIVERED", "zugestellt"),
            Map.entry("APPLIED", "übernommen"),
            Map.entry("FAILED", "fehlgeschlagen"),
            Map.entry("CANCELLED", "abgebrochen"),
            Map.entry("ACCEPTED", "angenommen"),
            Map.entry("DECLINED", "abgelehnt"),
            Map.entry("ENDED", "beendet"),
            Map.entry("SENDING", "wird gesendet"),
            Map.entry("SENT", "gesendet"),
            Map.entry("RETRYING", "neuer Versuch"),
            Map.entry("DEVICE_UNASSIGNED", "Gerät aus dem Projekt genommen"),
            Map.entry("ACCESS_ENDED", "Zugriff beendet"),
            Map.entry("ACCESS_REDUCED", "Zugriff eingeschränkt"),
            Map.entry("PROJECT_CLOSED", "Projekt geschlossen"),
            Map.entry("invitation.created", "Einladung erhalten"),
            Map.entry("invitation.accepted", "Einladung angenommen"),
            Map.entry("invitation.declined", "Einladung abgelehnt"),
            Map.entry("partnership.ended", "Partnerschaft beendet"),
            Map.entry("share.granted", "Freigabe erteilt"),
            Map.entry("share.revoked", "Freigabe widerrufen"),
            Map.entry("share.expired", "Freigabe abgelaufen"),
            Map.entry("share.left", "Freigabe zurückgegeben"),
            Map.entry("share.ending", "Freigabe endet bald"),
            Map.entry("transfer.failed", "Übertragung fehlgeschlagen"));

    private Words() {}

    static String of(String value, Language language) {
        if (value == null) {
            return "";
        }
        if (language.german()) {
            String german = GERMAN.get(value);
            if (german != null) {
                return german;
            }
        }
        return value.toLowerCase(Locale.ROOT).replace('_', ' ').replace('.', ' ');
    }
}
