global using HostOps.Testing;
global using Shouldly;
global using Xunit;
