/* The python executable: hand argv to the runtime (Modules/main.c). */
#include "Python.h"

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
