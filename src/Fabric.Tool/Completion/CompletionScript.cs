using Fabric.Engine;

namespace Fabric.Tool.Completion;

/// <summary>
/// <c>dotnet fab --completion SHELL</c>: a script that completes options (from the parser's own table) and task names
/// (from <c>dotnet-fab --list-format short</c>, answered from the list cache, honouring a <c>-f</c> already typed) for
/// bash, zsh and PowerShell. Completes the <c>dotnet-fab</c> command, and in bash also <c>dotnet fab</c>, handing other
/// <c>dotnet</c> commands to whatever completion was there before.
/// </summary>
internal static class CompletionScript
{
    public static readonly string[] Shells = ["bash", "zsh", "pwsh"];

    /// <exception cref="FabricUsageException">An unknown shell.</exception>
    public static string For(string shell, IReadOnlyList<string> options) => shell.ToLowerInvariant() switch
    {
        "bash" => Bash(options),
        "zsh" => Zsh(options),
        "pwsh" or "powershell" => PowerShell(options),
        _ => throw new FabricUsageException($"Unknown shell '{shell}' for --completion: use {string.Join(", ", Shells)}."),
    };

    private static string Bash(IReadOnlyList<string> options) => $$"""
        # dotnet fab completion for bash: add `source <(dotnet fab --completion bash)` to ~/.bashrc.
        _dotnet_fab_complete() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" fabfile=() i
            for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in -f|--fabfile) fabfile=(-f "${COMP_WORDS[i+1]}") ;; esac
            done
            case "$prev" in
                -F|--list-format) COMPREPLY=($(compgen -W "normal short nested json" -- "$cur")); return ;;
                --log-format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
                --completion) COMPREPLY=($(compgen -W "bash zsh pwsh" -- "$cur")); return ;;
                -f|--fabfile|-i|--known-hosts|--log-file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                -H|--hosts|-R|--roles|-x|--exclude-hosts|-u|--user|--port|-p|--password|-t|--timeout|-T|--command-timeout|--connection-attempts|--set|--hide|--show|--shell) return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "{{string.Join(' ', options)}}" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$(dotnet-fab "${fabfile[@]}" --list-format short 2>/dev/null)" -- "$cur"))
            fi
        }
        complete -F _dotnet_fab_complete dotnet-fab

        # `dotnet fab ...`: ours after "fab", the previous dotnet completion (if any) otherwise.
        _dotnet_fab_previous="$(complete -p dotnet 2>/dev/null | sed -n 's/.*-F \([^ ]*\) .*/\1/p')"
        [ "$_dotnet_fab_previous" = _dotnet_fab_dotnet ] && _dotnet_fab_previous=
        _dotnet_fab_dotnet() {
            if [ "${COMP_WORDS[1]}" = fab ] && [ "$COMP_CWORD" -ge 2 ]; then
                local COMP_WORDS=("dotnet-fab" "${COMP_WORDS[@]:2}") COMP_CWORD=$((COMP_CWORD - 1))
                _dotnet_fab_complete
            elif [ -n "$_dotnet_fab_previous" ]; then
                "$_dotnet_fab_previous" "$@"
            fi
        }
        complete -F _dotnet_fab_dotnet -o default dotnet

        """;

    private static string Zsh(IReadOnlyList<string> options) => $$"""
        #compdef dotnet-fab
        # dotnet fab completion for zsh: add `source <(dotnet fab --completion zsh)` to ~/.zshrc (after compinit).
        _dotnet_fab() {
            local -a fabfile tasks
            local i
            for ((i = 2; i < CURRENT; i++)); do
                [[ $words[i] == (-f|--fabfile) ]] && fabfile=(-f $words[i+1])
            done
            case $words[CURRENT-1] in
                -F|--list-format) compadd -- normal short nested json; return ;;
                --log-format) compadd -- text json; return ;;
                --completion) compadd -- bash zsh pwsh; return ;;
                --shell) compadd -- '/bin/bash -l -c' '/bin/sh -c'; return ;;
                -f|--fabfile|-i|--known-hosts|--log-file) _files; return ;;
            esac
            if [[ $words[CURRENT] == -* ]]; then
                compadd -- {{string.Join(' ', options)}}
            else
                tasks=(${(f)"$(dotnet-fab $fabfile --list-format short 2>/dev/null)"})
                compadd -- $tasks
            fi
        }
        compdef _dotnet_fab dotnet-fab

        """;

    private static string PowerShell(IReadOnlyList<string> options) => $$"""
        # dotnet fab completion for PowerShell: add `dotnet fab --completion pwsh | Out-String | Invoke-Expression` to $PROFILE.
        Register-ArgumentCompleter -Native -CommandName dotnet-fab -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
            $fabfile = @()
            for ($i = 1; $i -lt $words.Count - 1; $i++) {
                if ($words[$i] -in '-f', '--fabfile') { $fabfile = @('-f', $words[$i + 1]) }
            }
            if ($wordToComplete -like '-*') {
                $candidates = @({{string.Join(", ", options.Select(o => $"'{o}'"))}})
            } else {
                $candidates = & dotnet-fab @fabfile --list-format short 2>$null
            }
            $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
