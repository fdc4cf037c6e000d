// Reference bot for the load harness: @slack/socket-mode answering every slash command with fixed text in the
// acknowledgement, pointed at the loopback Slack (apps.connections.open there hands out the socket URL).
'use strict';
const { SocketModeClient, LogLevel } = require('@slack/socket-mode');

const client = new SocketModeClient({
  appToken: process.env.SLACK_APP_TOKEN,
  logLevel: LogLevel.WARN,
  clientOptions: { slackApiUrl: process.env.SLACK_API },
});

client.on('slash_commands', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: process.env.REFERENCE_HELP });
});
client.on('connected', () => console.log('ready'));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => { client.disconnect().finally(() => process.exit(0)); });
}

client.start();
