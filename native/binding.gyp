{
  'targets': [
    {
      'target_name': 'atm_native',
      'sources': [
        'core/sampler.cc',
        'core/validate.cc',
        'binding/addon.cc',
        'binding/arguments.cc',
        'binding/trainer.cc',
        'binding/train-worker.cc',
      ],
      # node_addon_api_except_all: include path, NAPI_CPP_EXCEPTIONS, -fexceptions, and any C++ exception
      # escaping a JS-facing method (std::bad_alloc, ...) becomes a JS Error instead of terminating.
      'dependencies': ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except_all"],
      'defines': ['NAPI_VERSION=8', 'NODE_ADDON_API_DISABLE_DEPRECATED'],
      # Bit-identity with the TypeScript reference: no FMA contraction, no reassociation.
      'cflags!': ['-O2', '-ffast-math'],
      'cflags_cc!': ['-std=gnu++17', '-std=gnu++20', '-O2', '-ffast-math'],
      'cflags_cc': ['-std=c++17', '-O3', '-ffp-contract=off', '-fno-fast-math', '-Wall', '-Wextra'],
      'xcode_settings': {
        'CLANG_CXX_LANGUAGE_STANDARD': 'c++17',
        'GCC_ENABLE_CPP_EXCEPTIONS': 'YES',
        'OTHER_CPLUSPLUSFLAGS': ['-O3', '-ffp-contract=off', '-fno-fast-math'],
      },
      'msvs_settings': {
        'VCCLCompilerTool': {
          'ExceptionHandling': 1,
          'AdditionalOptions': ['/std:c++17', '/fp:precise', '/O2'],
        },
      },
    },
  ],
}
