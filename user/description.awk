# Prints a program's one-line description for `help`: the first sentence
# after "NAME...: " in the comment that opens user/NAME.c, e.g.
#     /* cat: copies each named file (or standard input) to standard output. */
# Fails (exit status 1, with a message) when the file does not open that way,
# so that a program without a description does not build.
# Usage: awk -v name=NAME -f user/description.awk user/NAME.c
NR == 1 && $0 !~ /^\/\*/ { bad = 1; exit }
{
    line = $0
    sub(/^\/\*+[ ]*/, "", line)
    sub(/^[ ]*\*[ ]?/, "", line)
    end = sub(/[ ]*\*\/.*$/, "", line)
    if (line == "" && text == "" && !end)
        next                    # "/*" alone on the first line
    if (line == "")
        exit                    # a blank line ends the opening paragraph
    text = text (text == "" ? "" : " ") line
    if (end)
        exit
}
END {
    prefix = name
    if (bad || substr(text, 1, length(prefix)) != prefix || index(text, ": ") == 0) {
        print FILENAME ": the opening comment must start \"" name ": what it does.\"" > "/dev/stderr"
        exit 1
    }
    text = substr(text, index(text, ": ") + 2)
    n = match(text, /\.( |$)/)
    if (n == 0) {
        print FILENAME ": the description must end with a period" > "/dev/stderr"
        exit 1
    }
    print substr(text, 1, n)
}
