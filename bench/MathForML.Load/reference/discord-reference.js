// Reference bot for the load harness: discord.js answering /help with fixed text, pointed at the loopback
// Discord (REST base and, through its /gateway/bot answer, the gateway). Nothing else.
'use strict';
const { Client, GatewayIntentBits, Events } = require('discord.js');

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API, version: '10' },
});

client.on(Events.InteractionCreate, async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  try {
    await interaction.reply({ content: process.env.REFERENCE_HELP, ephemeral: true });
  } catch (error) {
    console.error('reply failed:', error.message);
  }
});
client.once(Events.ClientReady, () => console.log('ready'));
client.on(Events.Error, (error) => console.error('client error:', error.message));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => { client.destroy().finally(() => process.exit(0)); });
}

client.login(process.env.DISCORD_TOKEN);
