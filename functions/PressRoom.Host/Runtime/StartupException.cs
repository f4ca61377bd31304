namespace PressRoom.Host.Runtime;

/// <summary>
/// A setting or a dependency the user must fix before the runtime can start. The message is one line that names what
/// is wrong and how to fix it; the command line prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException()
        : base("The runtime cannot start.")
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
