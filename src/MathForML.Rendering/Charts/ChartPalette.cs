using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Charts;

/// <summary>
/// Colours of one theme. Backgrounds and ink match <see cref="MathRenderer"/>. Data colours are one blue
/// hue stepped in lightness (readable with every common colour-vision deficiency, and in greyscale): on the
/// light theme more activity is darker, on the dark theme brighter, so the strongest level always has the
/// most contrast with the background. Contrast with the background (WCAG): ramp 1.2 / 1.8 / 3.1 / 6.0 / 12.1
/// (light) and 1.3 / 1.8 / 3.4 / 6.4 / 10.1 (dark), each step at least 1.4 against the previous one; bars
/// 6.4 (light) and 6.0 (dark); the "tried" shade 2.1 and 2.2, at least 2.7 against the bars.
/// </summary>
internal sealed record ChartPalette(
    Rgba Background,
    Rgba Ink,
    Rgba MutedInk,
    Rgba Grid,
    Rgba Track,
    Rgba Primary,
    Rgba Secondary,
    Rgba[] Ramp)
{
    /// <summary>Dark ink on white; text contrast 21:1 and 7.5:1 (muted).</summary>
    public static ChartPalette Light { get; } = new(
        Background: Rgba.FromHex(0xFFFFFF),
        Ink: Rgba.FromHex(0x000000),
        MutedInk: Rgba.FromHex(0x4E5561),
        Grid: Rgba.FromHex(0xD3D7DE),
        Track: Rgba.FromHex(0xE6E9EE),
        Primary: Rgba.FromHex(0x1F5FA8),
        Secondary: Rgba.FromHex(0x8FB8E4),
        Ramp: [Rgba.FromHex(0xE6E9EE), Rgba.FromHex(0xA3C6EC), Rgba.FromHex(0x5E97D6), Rgba.FromHex(0x2A64AD), Rgba.FromHex(0x0B3470)]);

    /// <summary>Light ink on Discord's dark grey (#313338); text contrast 9.4:1 and 6.5:1 (muted).</summary>
    public static ChartPalette Dark { get; } = new(
        Background: Rgba.FromHex(0x313338),
        Ink: Rgba.FromHex(0xDBDEE1),
        MutedInk: Rgba.FromHex(0xB5BAC1),
        Grid: Rgba.FromHex(0x4E5058),
        Track: Rgba.FromHex(0x43464D),
        Primary: Rgba.FromHex(0x7DB8F2),
        Secondary: Rgba.FromHex(0x47698F),
        Ramp: [Rgba.FromHex(0x43464D), Rgba.FromHex(0x2D5C93), Rgba.FromHex(0x4787CE), Rgba.FromHex(0x86BDF2), Rgba.FromHex(0xD2E9FF)]);

    public static ChartPalette For(RenderTheme theme) => theme == RenderTheme.Dark ? Dark : Light;
}
