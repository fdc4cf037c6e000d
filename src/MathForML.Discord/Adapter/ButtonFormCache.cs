using System.Collections.Concurrent;
using MathForML.Core.Chat;

namespace MathForML.Discord.Adapter;

/// <summary>
/// The forms of buttons the bot has sent, by action id, so a press opens the modal the button was built
/// with. Bounded; after a restart (or eviction) the form is derived from the command's open parameter.
/// </summary>
public sealed class ButtonFormCache
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ButtonForm> _forms = new(StringComparer.Ordinal);

    public void Remember(IEnumerable<ChatButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        foreach (var button in buttons)
        {
            if (button.Form is { } form)
            {
                if (_forms.Count >= Capacity)
                {
                    _forms.Clear();
                }

                _forms[button.ActionId] = form;
            }
        }
    }

    public ButtonForm? Find(string actionId) => _forms.GetValueOrDefault(actionId);
}
