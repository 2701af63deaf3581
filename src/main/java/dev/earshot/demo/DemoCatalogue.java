package dev.earshot.demo;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The sandbox's made-up music library. Deliberately awkward in the ways real catalogues are:
 * scripts from right to left and beyond Latin, accents, emoji, markup-like names, a very long
 * classical title, an album by several artists, and one podcast. Like Spotify for Development Mode apps since
 * 2026, it knows no genres or popularity.
 */
final class DemoCatalogue {

    // Artists
    static final Artist HAFSOL = artist("Hafsól");
    static final Artist TSUKISHIMA = artist("月島ミナ");
    static final Artist KINO_SEVERA = artist("Кино Севера");
    static final Artist NUJUM = artist("نجوم الرمال");
    static final Artist DALBIT = artist("달빛 소년");
    static final Artist ZOE = artist("Zoë & the Ampersands");
    static final Artist DEMONS = artist("<Demons> in the Attic");
    static final Artist AMADOU = artist("Amadou Koné Trio");
    static final Artist BACH = artist("Johann Sebastian Bach");
    static final Artist VARGA = artist("Elena Varga");
    static final Artist NIGHT_TRAM = artist("Night Tram");
    static final Artist LUA_CHEIA = artist("Lúa Cheia");
    static final Artist NANDU = artist("DJ Ñandú");

    // Albums
    static final Album LJOSID = album("Ljósið á milli", "album", "2019-09-13", HAFSOL);
    static final Album CITY_LIGHT = album("夜明けのシティライト", "album", "2021-04-07", TSUKISHIMA);
    static final Album KHOLODNY = album("Холодный свет", "album", "2018-11-02", KINO_SEVERA);
    static final Album LAYALI = album("ليالي القاهرة", "album", "2020-02-14", NUJUM);
    static final Album SAEBYEOK = album("새벽 세 시", "single", "2022-06-21", DALBIT);
    static final Album CAFE = album("Rock & Roll Café", "album", "2017-05-05", ZOE);
    static final Album FLOORBOARDS = album("Under the Floorboards", "single", "2023-10-31", DEMONS);
    static final Album SAHEL = album("Sahel Blues", "album", "2014-03-21", AMADOU);
    static final Album GOLDBERG = album("Bach: Goldberg Variations & Partitas", "album", "2015-03-01", BACH, VARGA);
    static final Album NIGHT_TRAINS =
            album("Night Trains (Collaborations)", "compilation", "2024-01-19", NIGHT_TRAM, DALBIT, ZOE);
    static final Album MARE_BAIXA = album("Saudade em Maré Baixa", "album", "2016-08-26", LUA_CHEIA);
    static final Album PAMPA = album("Pampa Club Mix", "single", "2025-02-07", NANDU);

    // Tracks
    static final Track HAEGT = track("Hægt og hljótt", 6, 42, false, LJOSID);
    static final Track ISBRU = track("Ísbrú", 5, 18, false, LJOSID);
    static final Track DOGUN = track("Dögun", 7, 55, false, LJOSID);
    static final Track MAYONAKA = track("真夜中のドライブ", 4, 12, false, CITY_LIGHT);
    static final Track CIDER = track("サイダー色の夏", 3, 47, false, CITY_LIGHT);
    static final Track METRO = track("東京メトロ・ラブ", 3, 58, false, CITY_LIGHT);
    static final Track TRAMVAI = track("Последний трамвай", 3, 35, false, KHOLODNY);
    static final Track ZVYOZDY = track("Звёзды над Невой", 4, 20, false, KHOLODNY);
    static final Track YA_LEIL = track("يا ليل", 5, 5, false, LAYALI);
    static final Track RIMAL = track("رمال", 4, 40, false, LAYALI);
    static final Track SAEBYEOK_SE_SI = track("새벽 세 시", 3, 21, false, SAEBYEOK);
    static final Track PYEONUIJEOM = track("편의점 불빛", 3, 2, false, SAEBYEOK);
    static final Track DEJA_VU = track("Déjà Vu (Again)", 3, 11, false, CAFE);
    static final Track SUNBURN = track("Sunburn 🌞", 2, 58, false, CAFE);
    static final Track GOODBYE = track("Don't Say \"Goodbye\"", 3, 30, false, CAFE);
    static final Track LOUD_PROUD = track("Loud & <Proud>", 2, 44, true, FLOORBOARDS);
    static final Track BAMAKO = track("Bamako Nights", 6, 10, false, SAHEL);
    static final Track SAHEL_MORNING = track("Sahel Morning", 5, 22, false, SAHEL);
    static final Track QUODLIBET = track(
            "Goldberg Variations, BWV 988: Variatio 30. Quodlibet a 1 Clav. — Aria da capo"
                    + " (Live at the Konzerthaus Berlin, 2024 Remaster) [Arranged for Solo Piano after the 1741 Nuremberg"
                    + " Edition, with Ornaments by Elena Varga]",
            4,
            5,
            false,
            GOLDBERG);
    static final Track PARTITA = track("Partita No. 2 in C Minor, BWV 826: I. Sinfonia", 4, 48, false, GOLDBERG);
    static final Track NEON_PLATFORM = track("Neon Platform", 4, 2, false, NIGHT_TRAINS, NIGHT_TRAM);
    static final Track LAST_TRAIN =
            track("Last Train Home (feat. 달빛 소년)", 3, 44, false, NIGHT_TRAINS, NIGHT_TRAM, DALBIT);
    static final Track SIGNAL_LOST = track("Signal Lost", 3, 36, false, NIGHT_TRAINS, NIGHT_TRAM, ZOE);
    static final Track MAR_CALMO = track("Canção do Mar Calmo", 4, 30, false, MARE_BAIXA);
    static final Track RIBEIRA = track("Ribeira à Noite", 3, 52, false, MARE_BAIXA);
    static final Track PAMPA_MIX = track("Pampa Club Mix", 6, 1, false, PAMPA);

    // The podcast
    static final Show SIDE_B =
            new Show(spotifyId("show:Side B"), "Side B: Stories Behind the Songs", "Paper Moon Audio");
    static final Episode TRAM_EPISODE =
            episode("Ep. 112 — Why every city has a song about its last tram", 6, 30, "2026-10-14");
    static final Episode CAFE_EPISODE =
            episode("Ep. 111 — Recording a café album in an actual café", 38, 12, "2026-10-07");
    static final Episode FADO_EPISODE = episode("Ep. 110 — Fado, saudade & the sea", 44, 5, "2026-09-30");

    // Top lists: recent weeks lean on what the playback cycle plays; the year looks further back.
    private static final List<Track> TOP_TRACKS_SHORT = List.of(
            MAYONAKA,
            SUNBURN,
            SAEBYEOK_SE_SI,
            ISBRU,
            LAST_TRAIN,
            QUODLIBET,
            RIMAL,
            LOUD_PROUD,
            TRAMVAI,
            NEON_PLATFORM,
            CIDER,
            PYEONUIJEOM);
    private static final List<Track> TOP_TRACKS_MEDIUM = List.of(
            ISBRU,
            MAYONAKA,
            ZVYOZDY,
            LAST_TRAIN,
            SAEBYEOK_SE_SI,
            YA_LEIL,
            DEJA_VU,
            SUNBURN,
            SIGNAL_LOST,
            QUODLIBET,
            PARTITA,
            METRO,
            BAMAKO,
            MAR_CALMO,
            HAEGT,
            RIMAL,
            GOODBYE,
            NEON_PLATFORM,
            LOUD_PROUD,
            PAMPA_MIX);
    private static final List<Track> TOP_TRACKS_LONG = List.of(
            HAEGT,
            DOGUN,
            MAR_CALMO,
            BAMAKO,
            ZVYOZDY,
            PARTITA,
            DEJA_VU,
            RIBEIRA,
            ISBRU,
            YA_LEIL,
            GOODBYE,
            SAHEL_MORNING,
            METRO,
            MAYONAKA,
            TRAMVAI,
            CIDER,
            QUODLIBET,
            SIGNAL_LOST,
            RIMAL,
            NEON_PLATFORM,
            PYEONUIJEOM,
            SAEBYEOK_SE_SI,
            LAST_TRAIN,
            SUNBURN,
            PAMPA_MIX,
            LOUD_PROUD);

    private static final List<Artist> TOP_ARTISTS_SHORT =
            List.of(TSUKISHIMA, DALBIT, NIGHT_TRAM, ZOE, HAFSOL, NUJUM, VARGA, DEMONS, KINO_SEVERA);
    private static final List<Artist> TOP_ARTISTS_MEDIUM = List.of(
            HAFSOL,
            TSUKISHIMA,
            NIGHT_TRAM,
            KINO_SEVERA,
            DALBIT,
            ZOE,
            NUJUM,
            BACH,
            VARGA,
            AMADOU,
            LUA_CHEIA,
            DEMONS,
            NANDU);
    private static final List<Artist> TOP_ARTISTS_LONG = List.of(
            HAFSOL,
            LUA_CHEIA,
            AMADOU,
            BACH,
            KINO_SEVERA,
            VARGA,
            ZOE,
            NUJUM,
            TSUKISHIMA,
            NIGHT_TRAM,
            DALBIT,
            NANDU,
            DEMONS);

    private DemoCatalogue() {}

    static List<Track> topTracks(TopRange range) {
        return switch (range) {
            case SHORT_TERM -> TOP_TRACKS_SHORT;
            case MEDIUM_TERM -> TOP_TRACKS_MEDIUM;
            case LONG_TERM -> TOP_TRACKS_LONG;
        };
    }

    static List<Artist> topArtists(TopRange range) {
        return switch (range) {
            case SHORT_TERM -> TOP_ARTISTS_SHORT;
            case MEDIUM_TERM -> TOP_ARTISTS_MEDIUM;
            case LONG_TERM -> TOP_ARTISTS_LONG;
        };
    }

    private static Artist artist(String name) {
        return new Artist(spotifyId("artist:" + name), name);
    }

    private static Album album(String name, String type, String releaseDate, Artist... artists) {
        return new Album(spotifyId("album:" + name), name, type, releaseDate, List.of(artists));
    }

    /** A track by the album's artists, or by the given ones (features on a compilation). */
    private static Track track(
            String name, int minutes, int seconds, boolean explicit, Album album, Artist... artists) {
        List<Artist> by = artists.length == 0 ? album.artists() : List.of(artists);
        return new Track(
                spotifyId("track:" + name),
                name,
                Duration.ofMinutes(minutes).plusSeconds(seconds),
                explicit,
                album,
                by);
    }

    private static Episode episode(String name, int minutes, int seconds, String releaseDate) {
        return new Episode(
                spotifyId("episode:" + name),
                name,
                Duration.ofMinutes(minutes).plusSeconds(seconds),
                releaseDate,
                SIDE_B);
    }

    /** A stable 22-character base-62 id, shaped like Spotify's, so the ids never change between runs. */
    static String spotifyId(String seed) {
        BigInteger value = new BigInteger(1, Arrays.copyOf(SandboxDigest.sha256(seed), 17));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        for (int i = 0; i < 22; i++) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(base);
            id.append(alphabet.charAt(quotientAndRemainder[1].intValue()));
            value = quotientAndRemainder[0];
        }
        return id.toString();
    }
}
