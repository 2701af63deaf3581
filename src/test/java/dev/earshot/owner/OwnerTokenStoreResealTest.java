package dev.earshot.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.auth.CookieSealer;
import dev.earshot.auth.SealingKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S12 for the owner's store: a rotation of EARSHOT_SESSION_SECRET re-seals it, so dropping the previous secret later keeps it readable. */
class OwnerTokenStoreResealTest {

    private static final String SECRET_A = "secret-a-0123456789-0123456789-0123456789";
    private static final String SECRET_B = "secret-b-0123456789-0123456789-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void s12_aStoreSealedUnderThePreviousSecretIsResealedUnderTheCurrentOneWhenRead() throws Exception {
        StoredOwner owner = new StoredOwner("owner-refresh", Instant.ofEpochSecond(1_800_000_000L), "owner-id");
        store(SECRET_A, null).save(owner);
        String sealedUnderA = Files.readString(dataDir.resolve(OwnerTokenStore.FILE_NAME));

        // Rotated: B is current, A previous. Start-up reads the store.
        assertEquals(Optional.of(owner), store(SECRET_B, SECRET_A).load());
        assertTrue(!sealedUnderA.equals(Files.readString(dataDir.resolve(OwnerTokenStore.FILE_NAME))), "written again");

        // The previous secret dropped: the store still opens.
        assertEquals(Optional.of(owner), store(SECRET_B, null).load());
    }

    private OwnerTokenStore store(String current, String previous) {
        return new OwnerTokenStore(
                () -> dataDir,
                new CookieSealer(new SealingKeys(current, Optional.ofNullable(previous))),
                new ObjectMapper());
    }
}
