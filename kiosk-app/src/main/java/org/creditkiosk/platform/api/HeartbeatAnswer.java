package org.creditkiosk.platform.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Contract {@code HeartbeatAnswer}: the platform's time and any remote commands from administrators. */
public record HeartbeatAnswer(Instant serverTime, List<Command> commands) {

    public enum CommandType { RESTART_APP, RELOAD_CONFIG, PRINT_TEST_PAGE, OUT_OF_SERVICE, BACK_IN_SERVICE, UPLOAD_LOGS }

    /** Contract {@code HeartbeatAnswer.commands[]}. */
    public record Command(String commandId, CommandType type, Optional<String> reason) {
        public Command {
            Require.text(commandId, "commands.commandId");
            Require.present(type, "commands.type");
            reason = Require.optional(reason);
        }
    }

    public HeartbeatAnswer {
        Require.present(serverTime, "serverTime");
        commands = Require.list(commands);
    }
}
