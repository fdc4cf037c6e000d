using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Formulas;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts of <c>/tex</c>.</summary>
public static class TexMessages
{
    public const int MaxLength = 2000;
    public const string TooLongFormat = "That formula is {0:N0} characters long; `/tex` takes up to {1:N0}.";
    public const string FailedFormat = "I could not render that formula:\n{0}";
}

/// <summary><c>/tex &lt;latex&gt;</c>: renders a formula for everyone in the channel (for Q&amp;A threads).</summary>
public sealed class TexHandler(IFormulaRenderer renderer) : ICommandHandler
{
    public string Path => "tex";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latex = request.Command.Argument("latex")!;
        if (latex.Length > TexMessages.MaxLength)
        {
            return Task.FromResult(ChatReply.Text(string.Format(CultureInfo.InvariantCulture, TexMessages.TooLongFormat, latex.Length, TexMessages.MaxLength), ephemeral: true));
        }

        // People paste $…$ from their notes; the delimiters are not part of the formula.
        var formula = latex.Trim();
        if (formula.Length > 1 && formula.StartsWith('$') && formula.EndsWith('$'))
        {
            formula = formula.Trim('$').Trim();
        }

        var result = renderer.Render(formula, display: true, FormulaTheme.Light);
        if (result.Image is not { } image)
        {
            return Task.FromResult(ChatReply.Text(string.Format(CultureInfo.InvariantCulture, TexMessages.FailedFormat, result.Error), ephemeral: true));
        }

        return Task.FromResult(new ChatReply { Content = new MessageContent { Images = [image] } });
    }
}
